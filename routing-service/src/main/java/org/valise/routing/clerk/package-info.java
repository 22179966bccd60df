/** The registry clerks' API: notes in triage, manual routing and rerouting, decision history, preview; bearer tokens. */
package org.valise.routing.clerk;
