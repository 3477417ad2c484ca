/**
 * The Rentals page: a live table of the account's rentals (100,000 rows scroll smoothly), server-side
 * filters and paging, a detail pane with every message and the rental's timeline, the actions on a
 * rental, and the desktop notification when a code arrives.
 */
package com.smsverifyo.ui.rentals;
