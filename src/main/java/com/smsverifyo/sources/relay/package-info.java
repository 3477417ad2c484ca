/**
 * The upstream relay: numbers rented, one rental at a time, from another SMSVerifyo-compatible
 * server with the Java client, resold at this server's prices; codes come back by the upstream's
 * webhooks (polling as the fallback). A journal written before every upstream call makes each crash
 * point recoverable, so no customer pays for a number the upstream never gave.
 */
package com.smsverifyo.sources.relay;
