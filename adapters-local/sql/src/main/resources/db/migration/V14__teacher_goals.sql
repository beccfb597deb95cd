-- The criteria each teacher chose to work on (their progress page charts these first), in the order chosen.
-- MySQL dialect that also runs on H2 in MODE=MySQL.
CREATE TABLE teacher_goals (
    teacher_id VARCHAR(64)  NOT NULL,
    position   INT          NOT NULL,
    criterion  VARCHAR(200) NOT NULL,
    PRIMARY KEY (teacher_id, position),
    CONSTRAINT fk_teacher_goals_user FOREIGN KEY (teacher_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
