/**
 * This service's own copies of the events it reads and writes, and their CloudEvents attributes.
 */
package org.valise.notification.event;
