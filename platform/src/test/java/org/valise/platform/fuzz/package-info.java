/**
 * Malformed and hostile inputs for the services' fuzz tests, seeded and deterministic: random bytes, broken and
 * deeply nested JSON, wrong types, huge fields, invalid UTF-8, wrong content types, odd multipart bodies, and bombs
 * small on the wire and large once expanded (PDF, e-mail, JSON), made in memory when a test asks for them.
 */
package org.valise.platform.fuzz;
