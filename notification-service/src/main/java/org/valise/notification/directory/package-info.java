/**
 * The organisation directory as escalation needs it: each office's parent, deputy, holder and channels.
 */
package org.valise.notification.directory;
