/**
 * Writes realistic inboxes for demonstrations and load tests, deterministic for a seed.
 * Entry point: {@link org.huizong.generate.InboxGenerator}.
 */
package org.huizong.generate;
