/**
 * Who may call notification (its one SecurityFilterChain), and the operator page's sign-in: a bearer token kept in
 * an HttpOnly, SameSite=Strict cookie so that a browser can open the page.
 */
package org.valise.notification.security;
