/**
 * SMS sources that feed the engine's one inbound entry point: the built-in simulator (clearly
 * labelled as such) and, later, Android gateways, GSM modems and an upstream relay.
 */
package com.smsverifyo.sources;
