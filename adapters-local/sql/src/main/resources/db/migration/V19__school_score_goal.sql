-- The score from which a criterion meets the school's goal (the application keeps it within 50..95).
ALTER TABLE school_analysis_settings ADD COLUMN score_goal INT NOT NULL DEFAULT 70;
