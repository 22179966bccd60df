/**
 * The architecture rules every service's tests apply to its own classes (ArchUnit), and the fixtures that show each
 * rule failing.
 */
package org.valise.platform.architecture;
