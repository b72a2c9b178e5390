package io.harmattan.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Clears the flash cookie once a page has shown its message. */
public class FlashFilter {

    @Inject
    Flash flash;

    @ServerResponseFilter
    public void clearShownFlash(ContainerResponseContext response) {
        if (flash.wasShown()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, Flash.clear().toString());
        }
    }
}
