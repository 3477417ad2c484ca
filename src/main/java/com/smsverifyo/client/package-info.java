/**
 * The Java client of the SMSVerifyo API: speaks HTTP (OkHttp) to any engine, embedded or remote,
 * and depends on nothing else of this project (it has its own records and JSON mapping).
 *
 * <p>Start with {@link com.smsverifyo.client.SmsVerifyoClient#builder()}. Every creating or
 * state-changing call carries an Idempotency-Key that is reused on each retry, so no retry ever
 * rents or charges twice; network errors and 5xx are retried with backoff and full jitter, a 429 is
 * waited out for exactly its {@code Retry-After} ({@link com.smsverifyo.client.RetryPolicy}).
 * Refusals are typed {@link com.smsverifyo.client.ApiException}s.
 * {@link com.smsverifyo.client.SmsVerifyoClient#awaitCode awaitCode} and
 * {@link com.smsverifyo.client.SmsVerifyoClient#watch watch} follow a rental through the live
 * event stream (polling when there is none); {@link com.smsverifyo.client.KeyPool} spreads rental
 * creation over several keys by their {@code RateLimit} fields;
 * {@link com.smsverifyo.client.WebhookVerifier} verifies Standard Webhooks deliveries.
 * {@code docs/client.md} is the guide.
 */
package com.smsverifyo.client;
