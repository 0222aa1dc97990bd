package io.orderchat.search;

import java.util.List;

/**
 * A page of hits, best first, and the cursor of the next page ({@code null} on the last).
 */
public record SearchPage(List<SearchHit> results, String nextCursor) {

}
