/**
 * The launcher (picocli): {@code serve}, {@code keys}, {@code backup}, {@code version} and, later,
 * the desktop app. Wires the store, engine, sources and API together ({@link com.smsverifyo.cli.ServerRuntime}).
 */
package com.smsverifyo.cli;
