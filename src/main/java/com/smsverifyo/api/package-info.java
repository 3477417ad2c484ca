/**
 * The HTTP face of the engine (Javalin on Jetty): the REST API of the contract, authentication and
 * scopes, problem+json, idempotent writes and rate-limit fields, operations endpoints. Calls
 * {@code engine}; holds no business rule of its own.
 */
package com.smsverifyo.api;
