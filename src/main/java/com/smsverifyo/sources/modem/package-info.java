/**
 * GSM modems and SIM banks on serial ports (jSerialComm): the AT command flow, SMS-DELIVER PDUs
 * (GSM 7-bit and UCS-2, concatenated parts joined), text mode as a fallback, reconnecting after a
 * port drops.
 */
package com.smsverifyo.sources.modem;
