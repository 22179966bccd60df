/** The organisation directory: offices, their holders, aliases, ranks and channels, loaded from YAML and validated. */
package org.valise.routing.directory;
