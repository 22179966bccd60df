/** The organisation directory published on the compacted topic {@code directory.v1}, one record per office. */
package org.valise.routing.directory.publishing;
