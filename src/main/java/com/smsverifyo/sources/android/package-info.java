/**
 * SMS Gateway for Android (capcom6/android-sms-gateway): phones that post each SMS they receive to
 * the server as a signed {@code sms:received} webhook.
 */
package com.smsverifyo.sources.android;
