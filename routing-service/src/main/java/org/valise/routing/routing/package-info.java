/** The routing decision: ordered, explained rules over the organisation directory, pure and free of Spring and Kafka. */
package org.valise.routing.routing;
