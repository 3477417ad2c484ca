-- Support looks rentals up by the code a customer quotes, and a rental's webhook story by rental.
CREATE INDEX messages_code ON messages (code) WHERE code IS NOT NULL;
