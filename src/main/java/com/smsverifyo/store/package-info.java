/**
 * Persistence: the SQLite database of a data directory (WAL, one group-committing writer, pooled
 * readers), its Flyway migrations, and one repository per table family. The only package with SQL.
 * Records here are the stored shapes of accounts, keys, rentals, messages and the ledger.
 */
package com.smsverifyo.store;
