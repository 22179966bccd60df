/** Diacritic-, case-, spelling- and OCR-tolerant matching of names and phrases in the text of a note. */
package org.valise.routing.text;
