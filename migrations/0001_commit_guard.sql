-- A guard row with ok = 0 aborts the atomic batch it is part of; a guard row with ok = 1 is
-- dropped silently, so commit_guards never holds a row.
CREATE TRIGGER `commit_guards_check` BEFORE INSERT ON `commit_guards`
BEGIN
  SELECT CASE
    WHEN NEW.ok = 0 THEN RAISE(ABORT, 'casebridge_guard_failed')
    ELSE RAISE(IGNORE)
  END;
END;
