/**
 * Reporting periods: a month, a quarter, a half-year or a year, how they nest, the period
 * before, the same period a year earlier and the pieces of a year to date. Beneath every
 * stage, like the catalog.
 */
package org.huizong.period;
