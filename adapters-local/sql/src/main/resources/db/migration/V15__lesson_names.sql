-- A lesson's own name, chosen by the teacher at upload (optional); pages show it before class and subject.
-- MySQL dialect that also runs on H2 in MODE=MySQL.
ALTER TABLE recordings ADD COLUMN lesson_name VARCHAR(200) NULL;
