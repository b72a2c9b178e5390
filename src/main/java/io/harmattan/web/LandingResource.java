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

@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String firm);
    }

    @Inject
    HarmattanConfig config;

    @GET
    @PermitAll
    public TemplateInstance index() {
        return Templates.index(config.firmName());
    }
}
