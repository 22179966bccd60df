/** The registry step of Valise: numbers each received note, routes it over the organisation directory, publishes NoteRouted. */
package org.valise.routing;
