/**
 * The command line of the outside contract: {@code run}, {@code export}. Entry point:
 * {@link org.huizong.cli.Cli}.
 */
package org.huizong.cli;
