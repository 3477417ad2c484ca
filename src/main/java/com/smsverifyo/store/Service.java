package com.smsverifyo.store;

public record Service(String code, String name, int sortOrder) {
}
