/**
 * The web console of {@code serve --port}: the office's pages, the units' upload page and
 * the JSON API, behind accounts ({@code account}) with an audit of what each did. It
 * reads through {@code report} and runs through {@code job}, with the same lock as the
 * command line. Its beans exist only in the console's context (profile {@code web}).
 */
package org.huizong.web;
