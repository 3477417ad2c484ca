/** The Java client (OkHttp): idempotent, retrying, rate-limit aware; speaks HTTP to any engine. */
package com.smsverifyo.client;
