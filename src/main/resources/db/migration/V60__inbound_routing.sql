-- What the intake decided for each message, kept on the message itself: the process engine keeps no variable
-- history (history level "activity"), and this is the one fact per message managers and reports ask for.
ALTER TABLE inbound_message ADD COLUMN intent VARCHAR(32);
ALTER TABLE inbound_message ADD COLUMN confidence DOUBLE PRECISION;
ALTER TABLE inbound_message ADD COLUMN language VARCHAR(16);
ALTER TABLE inbound_message ADD COLUMN route VARCHAR(32);
