/** The registry step as a Kafka Streams topology: numbers each received note exactly once, routes it, publishes NoteRouted. */
package org.valise.routing.registry;
