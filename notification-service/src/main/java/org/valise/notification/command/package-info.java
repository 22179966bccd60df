/**
 * Commands to the tracking topology (acknowledge, delivery outcome, retry) on an internal topic, and the wait for its decisions.
 */
package org.valise.notification.command;
