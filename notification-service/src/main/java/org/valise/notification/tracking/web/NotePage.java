package org.valise.notification.tracking.web;

import java.util.List;

/**
 * One page of a search.
 *
 * @param items the notes of the page
 * @param page the page, from 0
 * @param size the page size
 * @param totalItems how many notes match
 * @param totalPages how many pages
 */
record NotePage(List<NoteSummary> items, int page, int size, long totalItems, int totalPages) {
}
