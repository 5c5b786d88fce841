-- A review of the second factor (issue 16 part 5): the secret offered at
-- enrolment belongs to the session it was shown to, so a session opened
-- with a phished password before the real owner's cannot keep a working
-- key; the owner's page offers a new one, and only the session shown a
-- secret can confirm it.
ALTER TABLE staff_second_factors ADD COLUMN offered_to TEXT NOT NULL DEFAULT '';
