/**
 * The one clock of a service.
 */
package org.valise.platform.time;
