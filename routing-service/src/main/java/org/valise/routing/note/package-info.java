/** Routing-service's own copy of the NoteReceived event it reads (contracts/schemas/note-received.v1.schema.json). */
package org.valise.routing.note;
