package io.harmattan.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page speaks the language {@link Locales} resolves. Qute picks a template's locale from
 * the request's Accept-Language, and Hibernate Validator its messages' from the HTTP request's
 * own header, so both are given exactly the resolved language before any resource or error
 * mapper runs.
 */
public class LocaleFilter {

    @Inject
    Locales locales;

    @Inject
    HttpServerRequest http;

    @ServerRequestFilter(preMatching = true)
    public void useResolvedLanguage(ContainerRequestContext request) {
        String language = locales.getLanguage();
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language);
        http.headers().set(HttpHeaders.ACCEPT_LANGUAGE, language);
    }

    @ServerResponseFilter
    public void declareLanguage(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, locales.getLanguage());
            response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
        }
    }
}
