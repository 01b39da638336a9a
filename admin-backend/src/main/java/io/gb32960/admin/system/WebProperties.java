package io.gb32960.admin.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * How pages show things ({@code gb32960.admin.web.*}).
 *
 * @param zone            time zone of the times on the pages (stored times are UTC)
 * @param tileUrl         Leaflet tile URL template of the map
 * @param tileAttribution the map tiles' attribution
 */
@ConfigurationProperties("gb32960.admin.web")
public record WebProperties(@DefaultValue("Asia/Shanghai") ZoneId zone,
                            @DefaultValue("https://tile.openstreetmap.org/{z}/{x}/{y}.png") String tileUrl,
                            @DefaultValue("&copy; OpenStreetMap contributors") String tileAttribution) {
}
