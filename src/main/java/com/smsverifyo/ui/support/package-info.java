/**
 * The Support page: one search box that understands rental ids, phone numbers, codes, key prefixes
 * and customer names; a rental's whole story as a timeline; redelivery, code correction and refunds.
 */
package com.smsverifyo.ui.support;
