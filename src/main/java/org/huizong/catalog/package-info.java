/**
 * Campaigns, metrics, measures, sources, units and header names with their aliases,
 * loaded from {@code data/catalog/}. Entry point:
 * {@link org.huizong.catalog.CatalogLoader}.
 */
package org.huizong.catalog;
