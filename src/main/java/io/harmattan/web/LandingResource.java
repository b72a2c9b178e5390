package io.harmattan.web;

import io.harmattan.HarmattanConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public pages: the landing page, the privacy notice and the legal notice. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String firm);

        static native TemplateInstance privacy();

        static native TemplateInstance legal();
    }

    @Inject
    HarmattanConfig config;

    @GET
    @PermitAll
    public TemplateInstance index() {
        return Templates.index(config.firmName());
    }

    /** Who holds a prospect's details, why, for how long, and whom to ask to see, correct or delete them. */
    @GET
    @Path("privacy")
    @PermitAll
    public TemplateInstance privacy() {
        return Templates.privacy();
    }

    /** The legal notice: publisher, registration, host. */
    @GET
    @Path("legal")
    @PermitAll
    public TemplateInstance legal() {
        return Templates.legal();
    }
}
