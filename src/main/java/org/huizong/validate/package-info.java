/**
 * The domain rules: every fault with its severity, its cell and a message in Chinese.
 * Entry point: {@link org.huizong.validate.IssueCode}, checked by
 * {@link org.huizong.validate.CrossChecks}.
 */
package org.huizong.validate;
