package io.gb32960.admin.live;

import java.time.Instant;
import java.util.List;

/**
 * A vehicle's frames in a time range, thinned out evenly when there are more than asked for.
 *
 * @param frames how many frames the range holds
 * @param stride every how many frames one point was kept (1 = all)
 */
public record Track(String vin, Instant from, Instant to, long frames, int stride, List<TrackPoint> points) {
}
