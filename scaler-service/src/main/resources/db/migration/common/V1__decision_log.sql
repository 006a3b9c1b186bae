-- The scaler's decision log (ADR 0011). Portable SQL: runs on PostgreSQL and on H2 in PostgreSQL mode (ADR 0020).
CREATE TABLE scaler_decision (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    decided_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    workload         VARCHAR(64)              NOT NULL,
    rule             VARCHAR(64)              NOT NULL,
    current_replicas INTEGER                  NOT NULL,
    desired_replicas INTEGER                  NOT NULL,
    applied          BOOLEAN                  NOT NULL,
    inputs           VARCHAR(4000)            NOT NULL,
    message          VARCHAR(1000)            NOT NULL
);

CREATE INDEX scaler_decision_decided_at ON scaler_decision (decided_at);
CREATE INDEX scaler_decision_workload ON scaler_decision (workload, decided_at);
