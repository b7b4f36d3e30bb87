package io.cameliotf.iotf.docs;

/** The POJO the snippets convert readings to: the {@code d} element of a sensor's payload. */
public class Reading {

    private double temp;

    public double getTemp() {
        return temp;
    }

    public void setTemp(double temp) {
        this.temp = temp;
    }
}
