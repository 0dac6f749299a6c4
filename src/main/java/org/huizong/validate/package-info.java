/**
 * The domain rules across cells of a file: totals against their details, a unit's own
 * rate against its counts, 整改 against 发现. Entry point:
 * {@link org.huizong.validate.CrossChecks}.
 */
package org.huizong.validate;
