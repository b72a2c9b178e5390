package io.harmattan.reference;

import io.harmattan.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Reference codes and labels, for consultants' scripts (bearer token). */
@Path("/api/v1/reference-data")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    public record Entry(String code, String en, String fr) {
    }

    public record ReferenceData(List<Entry> countries, List<Entry> sectors, List<Entry> services) {
    }

    @GET
    @RolesAllowed(Roles.CONSULTANT)
    public ReferenceData get() {
        return new ReferenceData(
                Country.ordered().stream().map(c -> new Entry(c.code, c.labelEn, c.labelFr)).toList(),
                Sector.ordered().stream().map(s -> new Entry(s.code, s.labelEn, s.labelFr)).toList(),
                AdvisoryService.ordered().stream().map(s -> new Entry(s.code, s.labelEn, s.labelFr)).toList());
    }
}
