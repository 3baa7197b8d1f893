-- A procedure stays online while in force [001 Đ13.1]: the day it stops applying (replaced or abolished: bị
-- thay thế, bãi bỏ); null while in force. From that day the ordinary retention period applies.
ALTER TABLE procedures ADD COLUMN ends_on date;
