-- The demo's tables and a few rows. Load with: psql "$DATABASE_URL" -f schema.sql
CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS robots (id bigint PRIMARY KEY, name text NOT NULL, owner_id bigint NOT NULL REFERENCES users);
CREATE TABLE IF NOT EXISTS weapons (id bigint PRIMARY KEY, name text NOT NULL, damage int NOT NULL);
CREATE TABLE IF NOT EXISTS matches (
	id bigint PRIMARY KEY, red_id bigint NOT NULL, blue_id bigint NOT NULL,
	winner_id bigint REFERENCES users, played_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS leagues (id bigint PRIMARY KEY, name text NOT NULL, min_rating int NOT NULL);
CREATE TABLE IF NOT EXISTS tournaments (id bigint PRIMARY KEY, name text NOT NULL, starts_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS ledger (user_id bigint NOT NULL REFERENCES users, amount bigint NOT NULL);
CREATE TABLE IF NOT EXISTS inventory (user_id bigint NOT NULL REFERENCES users, item text NOT NULL, quantity int NOT NULL);
CREATE TABLE IF NOT EXISTS chat_messages (user_id bigint NOT NULL REFERENCES users, body text NOT NULL, sent_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS shop_offers (id bigint PRIMARY KEY, item text NOT NULL, price bigint NOT NULL);

INSERT INTO users VALUES (1, 'ada'), (2, 'grace'), (3, 'linus') ON CONFLICT DO NOTHING;
INSERT INTO robots VALUES (1, 'Sir Killalot', 1), (2, 'Matilda', 2), (3, 'Chaos 2', 3) ON CONFLICT DO NOTHING;
INSERT INTO weapons VALUES (1, 'flipper', 40), (2, 'spinner', 70), (3, 'hammer', 55) ON CONFLICT DO NOTHING;
INSERT INTO matches VALUES
	(1, 1, 2, 1, now() - interval '2 hours'), (2, 2, 3, 3, now() - interval '1 hour'), (3, 3, 1, 3, now())
	ON CONFLICT DO NOTHING;
INSERT INTO leagues VALUES (1, 'bronze', 0), (2, 'silver', 1200), (3, 'gold', 1800) ON CONFLICT DO NOTHING;
INSERT INTO tournaments VALUES (1, 'Spring Smash', now() + interval '7 days'), (2, 'Summer Scrap', now() + interval '90 days')
	ON CONFLICT DO NOTHING;
INSERT INTO shop_offers VALUES (1, 'armour plate', 150), (2, 'battery', 80), (3, 'paint job', 20) ON CONFLICT DO NOTHING;
-- Tables without a key: load their rows once.
INSERT INTO ledger SELECT * FROM (VALUES (1, 500), (1, -120), (2, 300)) v WHERE NOT EXISTS (SELECT FROM ledger);
INSERT INTO inventory SELECT * FROM (VALUES (1, 'battery', 2), (1, 'spinner', 1), (2, 'flipper', 1)) v
	WHERE NOT EXISTS (SELECT FROM inventory);
INSERT INTO chat_messages SELECT * FROM (VALUES (1, 'gg', now() - interval '5 minutes'), (2, 'rematch?', now()))
	v(user_id, body, sent_at) WHERE NOT EXISTS (SELECT FROM chat_messages);
